package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/scholia/scholia/generator/outdir"
)

// The build cache, a folder (by default .scholia-cache/ in the site) that
// build keeps between runs. It holds one file, the manifest: the records
// of the last build's articles, and the key and stat of each file of its
// output. A build trusts nothing in it that it cannot check: a manifest
// written by another build of Scholia, damaged, or for another output
// folder is ignored; a file of the output whose stat changed since is
// written again.

const (
	manifestName  = "manifest"
	spareName     = "output"
	manifestMagic = "scholia build cache 1\n"
)

type manifest struct {
	Code  key    // codeKey of the program that wrote it
	Out   string // the absolute output folder
	OutID string // the build id in that folder's marker
	Files map[string]diskFile
	// The spare: the output before last, kept in the cache folder to be
	// written into by the next build, and its files.
	SpareID string
	Spare   map[string]diskFile
	// RecordKeys are the input keys of the build's records, each kept in
	// a file of its own under records/: a build writes only the records
	// of the articles it rendered.
	RecordKeys []key
	// Sums are the hashes of the site's files, by name, with their stats,
	// from a build that started at Started.
	Sums    map[string]fileSum
	Started time.Time
	// Lists are the key of the build's list pages and each page's key.
	Lists listSet

	records map[key]*record
}

// loadManifest reads the cache in dir for the output folder out. What it
// cannot trust it leaves out: everything, the output's files, or a record.
func loadManifest(dir, out string) (*manifest, error) {
	m := &manifest{}
	payload, err := readSealed(filepath.Join(dir, manifestName))
	if err != nil || payload == nil {
		return m, err
	}
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(m); err != nil || m.Code != codeKey() {
		return &manifest{}, nil
	}
	m.records = loadRecords(dir, m.RecordKeys)
	if abs, err := filepath.Abs(out); err != nil || abs != m.Out || m.OutID == "" || outdir.ID(out) != m.OutID {
		m.Files = nil
	}
	if m.Files == nil || m.SpareID == "" || outdir.ID(filepath.Join(dir, spareName)) != m.SpareID {
		m.Spare = nil
	}
	return m, nil
}

// save writes the records that are not in dir yet, removes those the build
// no longer has, then writes the manifest.
func (m *manifest) save(dir string, records map[key]*record) error {
	m.RecordKeys = make([]key, 0, len(records))
	for k := range records {
		m.RecordKeys = append(m.RecordKeys, k)
	}
	sort.Slice(m.RecordKeys, func(i, j int) bool { return bytes.Compare(m.RecordKeys[i][:], m.RecordKeys[j][:]) < 0 })
	if err := saveRecords(dir, m.RecordKeys, records); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m); err != nil {
		return err
	}
	return writeSealed(filepath.Join(dir, manifestName), buf.Bytes())
}

// recordPath is where the record under k is kept. A record's key names
// its inputs and the program, so a file there is that record.
func recordPath(dir string, k key) string {
	h := hex.EncodeToString(k[:])
	return filepath.Join(dir, "records", h[:2], h)
}

func loadRecords(dir string, keys []key) map[key]*record {
	recs := make([]*record, len(keys))
	forEach(len(keys), nil, func(int) string { return "records" }, func(i int) error {
		payload, err := readSealed(recordPath(dir, keys[i]))
		if err != nil || payload == nil {
			return nil // a record that cannot be read is rendered again
		}
		r := &record{}
		if gob.NewDecoder(bytes.NewReader(payload)).Decode(r) == nil {
			recs[i] = r
		}
		return nil
	})
	out := make(map[key]*record, len(keys))
	for i, r := range recs {
		if r != nil {
			out[keys[i]] = r
		}
	}
	return out
}

func saveRecords(dir string, keys []key, records map[key]*record) error {
	errs := forEach(len(keys), nil, func(int) string { return "records" }, func(i int) error {
		p := recordPath(dir, keys[i])
		if _, err := os.Stat(p); err == nil {
			return nil
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(records[keys[i]]); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return writeSealed(p, buf.Bytes())
	})
	if err := errs.Err(); err != nil {
		return err
	}
	keep := make(map[string]bool, len(keys))
	for _, k := range keys {
		keep[hex.EncodeToString(k[:])] = true
	}
	root := filepath.Join(dir, "records")
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !keep[d.Name()] {
			os.Remove(p)
		}
		return nil
	})
}

// readSealed reads a file that writeSealed wrote: nil when there is none,
// or when it is damaged.
func readSealed(p string) ([]byte, error) {
	b, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	payload, ok := bytes.CutPrefix(b, []byte(manifestMagic))
	if !ok || len(payload) < sha256.Size {
		return nil, nil
	}
	sum, payload := payload[:sha256.Size], payload[sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return nil, nil
	}
	return payload, nil
}

// writeSealed writes payload with a checksum, through a temporary file
// renamed over the old one, so a build stopped half-way leaves the old
// file whole.
func writeSealed(p string, payload []byte) error {
	sum := sha256.Sum256(payload)
	tmp, err := os.CreateTemp(filepath.Dir(p), filepath.Base(p)+".new-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append(append([]byte(manifestMagic), sum[:]...), payload...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
