package site

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"io"
	"math"
	"os"
	"reflect"
	"sort"
	"sync"
	"time"
)

// key names a result of the pipeline by everything it was made from: a
// hash of its inputs, never a list of fields picked by hand.
type key [16]byte

// keyer hashes the inputs of one result.
type keyer struct {
	h hash.Hash
	// known holds the hashes of values met again and again (an article's
	// summary in every list that shows it), by pointer, made once.
	known map[any]key
	depth int
}

func newKeyer(kind string) *keyer {
	k := &keyer{h: sha256.New()}
	k.key(codeKey())
	k.str(kind)
	return k
}

// str adds a string, length first, so that "ab"+"c" and "a"+"bc" differ.
func (k *keyer) str(s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	k.h.Write(n[:])
	io.WriteString(k.h, s)
}

func (k *keyer) bytes(b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	k.h.Write(n[:])
	k.h.Write(b)
}

func (k *keyer) key(x key) { k.h.Write(x[:]) }

func (k *keyer) bool(b bool) {
	if b {
		k.h.Write([]byte{1})
	} else {
		k.h.Write([]byte{0})
	}
}

func (k *keyer) sum() key {
	var out key
	copy(out[:], k.h.Sum(nil))
	return out
}

// value adds v, whatever its type, by walking it: what a template receives
// is hashed by the program, so a field that a theme shows can never be left
// out of a list page's key.
func (k *keyer) value(v any) { k.walk(reflect.ValueOf(v)) }

var timeType = reflect.TypeFor[time.Time]()

// maxDepth bounds how deep walk follows pointers and fields: template
// data is shallow, and a cycle must fail plainly, not overflow the stack.
const maxDepth = 64

// walk hashes v with its kind first, so that values of different kinds
// never hash alike. A nil slice or map hashes as an empty one: templates
// cannot tell them apart, and the build cache does not keep the
// difference.
func (k *keyer) walk(v reflect.Value) {
	if !v.IsValid() {
		k.h.Write([]byte{0})
		return
	}
	if k.depth++; k.depth > maxDepth {
		panic(fmt.Sprintf("site: template data nested more than %d deep (a cycle?)", maxDepth))
	}
	defer func() { k.depth-- }()
	if k.known != nil && v.Kind() == reflect.Pointer && v.CanInterface() {
		if d, ok := k.known[v.Interface()]; ok {
			k.key(d)
			return
		}
	}
	k.h.Write([]byte{byte(v.Kind())})
	var n [8]byte
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		k.bool(!v.IsNil())
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Interface {
			k.str(v.Elem().Type().String())
		}
		k.walk(v.Elem())
	case reflect.Struct:
		if v.Type() == timeType && v.CanInterface() {
			k.time(v.Interface().(time.Time))
			return
		}
		for i := range v.NumField() {
			k.walk(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		binary.LittleEndian.PutUint64(n[:], uint64(v.Len()))
		k.h.Write(n[:])
		if v.Type().Elem().Kind() == reflect.Uint8 && (v.Kind() == reflect.Slice || v.CanAddr()) {
			k.h.Write(v.Bytes()) // keys and byte strings, at once
			return
		}
		for i := range v.Len() {
			k.walk(v.Index(i))
		}
	case reflect.Map:
		k.walkMap(v)
	case reflect.String:
		k.str(v.String())
	case reflect.Bool:
		k.bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		binary.LittleEndian.PutUint64(n[:], uint64(v.Int()))
		k.h.Write(n[:])
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		binary.LittleEndian.PutUint64(n[:], v.Uint())
		k.h.Write(n[:])
	case reflect.Float32, reflect.Float64:
		binary.LittleEndian.PutUint64(n[:], math.Float64bits(v.Float()))
		k.h.Write(n[:])
	default:
		// Funcs and channels have no content to hash; template data holds
		// none, so meeting one is a bug, not a cache miss to paper over.
		panic(fmt.Sprintf("site: cannot hash a %s", v.Type()))
	}
}

// time hashes an instant with its zone's name and offset, which a template
// may show.
func (k *keyer) time(t time.Time) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(t.Unix()))
	k.h.Write(n[:])
	binary.LittleEndian.PutUint64(n[:], uint64(t.Nanosecond()))
	k.h.Write(n[:])
	name, off := t.Zone()
	k.str(name)
	binary.LittleEndian.PutUint64(n[:], uint64(off))
	k.h.Write(n[:])
}

// walkMap hashes a map in the order of its keys' hashes, which does not
// depend on Go's random map order.
func (k *keyer) walkMap(v reflect.Value) {
	type entry struct{ k, v key }
	entries := make([]entry, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		kk, kv := &keyer{h: sha256.New()}, &keyer{h: sha256.New()}
		kk.walk(it.Key())
		kv.walk(it.Value())
		entries = append(entries, entry{kk.sum(), kv.sum()})
	}
	sort.Slice(entries, func(i, j int) bool { return string(entries[i].k[:]) < string(entries[j].k[:]) })
	k.str("map")
	for _, e := range entries {
		k.key(e.k)
		k.key(e.v)
	}
}

var (
	codeOnce sync.Once
	codeSum  key
)

// codeKey names the program that makes the results: the hash of its own
// executable, so a cache written by any other build of Scholia is never
// read as this one's. When the executable cannot be read, the key is
// random and nothing cached is ever reused.
func codeKey() key {
	codeOnce.Do(func() {
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				h := sha256.New()
				_, err = io.Copy(h, f)
				f.Close()
				if err == nil {
					copy(codeSum[:], h.Sum(nil))
					return
				}
			}
		}
		rand.Read(codeSum[:])
	})
	return codeSum
}
