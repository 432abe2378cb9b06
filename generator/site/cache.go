package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"

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
	Code    key    // codeKey of the program that wrote it
	Out     string // the absolute output folder
	OutID   string // the build id in that folder's marker
	Files   map[string]diskFile
	Records map[key]*record
	// The spare: the output before last, kept in the cache folder to be
	// written into by the next build, and its files.
	SpareID string
	Spare   map[string]diskFile
}

// loadManifest reads the cache in dir for the output folder out. What it
// cannot trust it leaves out: everything, or the output's files alone.
func loadManifest(dir, out string) (*manifest, error) {
	m := &manifest{}
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, err
	}
	payload, ok := bytes.CutPrefix(b, []byte(manifestMagic))
	if !ok || len(payload) < sha256.Size {
		return &manifest{}, nil
	}
	sum, payload := payload[:sha256.Size], payload[sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return &manifest{}, nil
	}
	if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(m); err != nil || m.Code != codeKey() {
		return &manifest{}, nil
	}
	m.Records = trusted(m.Records)
	if abs, err := filepath.Abs(out); err != nil || abs != m.Out || m.OutID == "" || outdir.ID(out) != m.OutID {
		m.Files = nil
	}
	if m.Files == nil || m.SpareID == "" || outdir.ID(filepath.Join(dir, spareName)) != m.SpareID {
		m.Spare = nil
	}
	return m, nil
}

// save writes the manifest into dir, through a temporary file renamed over
// the old one, so a build stopped half-way leaves the old one whole.
func (m *manifest) save(dir string) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	tmp, err := os.CreateTemp(dir, manifestName+".new-")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append(append([]byte(manifestMagic), sum[:]...), buf.Bytes()...))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, manifestName))
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// trusted keeps the records that read back as they were written: a record
// whose summary or claims no longer hash to the digests it was saved with
// (an encoding that lost something) is dropped, and its article rendered
// again.
func trusted(records map[key]*record) map[key]*record {
	ins := make([]key, 0, len(records))
	for in := range records {
		ins = append(ins, in)
	}
	ok := make([]bool, len(ins))
	forEach(len(ins), nil, func(int) string { return manifestName }, func(i int) error {
		ok[i] = records[ins[i]].intact()
		return nil
	})
	for i, in := range ins {
		if !ok[i] {
			delete(records, in)
		}
	}
	return records
}
