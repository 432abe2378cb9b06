package sharecard

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"hash/maphash"
	"image"
	"io"
	"sync"
)

// A card is mostly rows of one colour, and its band and footer are the
// same on every card with the same grade and site. encode therefore
// writes the PNG's zlib stream as segments, each compressed on its own and
// ended with a sync flush so that they join: a run of blank rows, and the
// band and footer when another card drew the same, come from a cache;
// only the claim's own rows are compressed afresh. The Adler-32 of the
// whole comes from the segments' by adler32Combine. image/png reads it
// (TestEncodeDecodes compares every pixel).

// segment is raw image data (rows with their filter byte) compressed as
// whole deflate blocks, ending byte-aligned.
type segment struct {
	deflate []byte
	adler   uint32
	n       int // raw bytes
}

// rowLen is one row of raw data: its filter byte (0, none), then a byte
// a pixel.
const rowLen = 1 + Width

// encode writes img, Width by Height with a palette of at most 256
// colours, as a PNG.
func encode(w io.Writer, img *image.Paletted) error {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], Width)
	binary.BigEndian.PutUint32(ihdr[4:], Height)
	ihdr[8], ihdr[9] = 8, 3 // 8 bits per pixel, paletted
	chunk(&out, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, byte(r>>8), byte(g>>8), byte(b>>8))
	}
	chunk(&out, "PLTE", plte)
	chunk(&out, "IDAT", idat(img))
	chunk(&out, "IEND", nil)
	_, err := w.Write(out.Bytes())
	return err
}

// chunk appends a PNG chunk.
func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	io.WriteString(crc, typ)
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// idat is the zlib stream of img's rows: the band, runs of blank and drawn
// rows between it and the rule, and the footer.
func idat(img *image.Paletted) []byte {
	z := []byte{0x78, 0x01} // deflate, 32 KB window, fastest
	adler := uint32(1)
	add := func(s segment) {
		z = append(z, s.deflate...)
		adler = adler32Combine(adler, s.adler, s.n)
	}
	add(shared(img, 0, bandH))
	for y := bandH; y < ruleY; {
		end := y + 1
		if v, blank := blankRow(img, y); blank {
			for end < ruleY && blankOf(img, end, v) {
				end++
			}
			add(blankRun(v, end-y))
		} else {
			for end < ruleY && !blankOf(img, end, img.Pix[end*img.Stride]) {
				end++
			}
			add(compressRows(img, y, end))
		}
		y = end
	}
	add(shared(img, ruleY, Height))
	z = append(z, 0x01, 0x00, 0x00, 0xff, 0xff) // the final block, empty
	return binary.BigEndian.AppendUint32(z, adler)
}

// blankRow reports whether row y is all one colour, and which.
func blankRow(img *image.Paletted, y int) (uint8, bool) {
	v := img.Pix[y*img.Stride]
	return v, blankOf(img, y, v)
}

// blankOf reports whether row y is all colour v.
func blankOf(img *image.Paletted, y int, v uint8) bool {
	row := img.Pix[y*img.Stride : y*img.Stride+Width]
	return bytes.Count(row, []byte{v}) == Width
}

// rows writes rows y0 to y1 of img to w, each after its filter byte.
func rows(w io.Writer, img *image.Paletted, y0, y1 int) {
	for y := y0; y < y1; y++ {
		w.Write([]byte{0})
		w.Write(img.Pix[y*img.Stride : y*img.Stride+Width])
	}
}

// compressors keeps deflate's large state between segments.
var compressors = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// compress makes a segment of what write writes.
func compress(write func(io.Writer)) segment {
	var buf bytes.Buffer
	w := compressors.Get().(*flate.Writer)
	defer compressors.Put(w)
	w.Reset(&buf)
	sum := adler32.New()
	n := &counter{}
	write(io.MultiWriter(w, sum, n))
	w.Flush()
	return segment{deflate: buf.Bytes(), adler: sum.Sum32(), n: n.n}
}

// counter counts the bytes written to it.
type counter struct{ n int }

func (c *counter) Write(b []byte) (int, error) { c.n += len(b); return len(b), nil }

// compressRows is the segment of rows y0 to y1 of img.
func compressRows(img *image.Paletted, y0, y1 int) segment {
	return compress(func(w io.Writer) { rows(w, img, y0, y1) })
}

// cache holds values by what they are made of, up to max of them.
type cache[K comparable, V any] struct {
	max int
	mu  sync.Mutex
	m   map[K]V
}

// get is the value under k, made by make and kept when there is room.
func (c *cache[K, V]) get(k K, make func() V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = make()
	c.mu.Lock()
	if c.m == nil {
		c.m = map[K]V{}
	}
	if len(c.m) < c.max {
		c.m[k] = v
	}
	c.mu.Unlock()
	return v
}

// blankRuns holds runs of blank rows by colour and length: a few hundred
// lengths recur, each a few hundred bytes compressed.
var blankRuns = cache[struct{ v, n int }, segment]{max: 1024}

// blankRun is the segment of n rows of colour v.
func blankRun(v uint8, n int) segment {
	return blankRuns.get(struct{ v, n int }{int(v), n}, func() segment {
		row := bytes.Repeat([]byte{v}, rowLen)
		row[0] = 0
		return compress(func(w io.Writer) {
			for range n {
				w.Write(row)
			}
		})
	})
}

// sharedKey names rows by a hash of their pixels and the first row.
type sharedKey struct {
	sum uint64
	y0  int
}

// sharedSegment is a segment with the pixels it was made of: it is used
// only for rows equal to them, so that a collision costs time, never a
// wrong card.
type sharedSegment struct {
	pix []byte
	segment
}

// sharedRows holds bands and footers, about 150 KB each with their
// pixels: a site has a handful of grades and one name.
var (
	sharedRows = cache[sharedKey, sharedSegment]{max: 64}
	seed       = maphash.MakeSeed()
)

// shared is the segment of rows y0 to y1, from the cache when another card
// had the same rows.
func shared(img *image.Paletted, y0, y1 int) segment {
	pix := img.Pix[y0*img.Stride : y1*img.Stride]
	k := sharedKey{maphash.Bytes(seed, pix), y0}
	s := sharedRows.get(k, func() sharedSegment {
		return sharedSegment{bytes.Clone(pix), compressRows(img, y0, y1)}
	})
	if !bytes.Equal(s.pix, pix) {
		return compressRows(img, y0, y1)
	}
	return s.segment
}

// adler32Combine is the Adler-32 of a stream whose first part has sum a
// and whose second part, of n bytes, has sum b (zlib's adler32_combine).
func adler32Combine(a, b uint32, n int) uint32 {
	const mod = 65521
	rem := uint32(n % mod)
	s1 := a & 0xffff
	s2 := rem * s1 % mod
	s1 += b&0xffff + mod - 1
	s2 += a>>16 + b>>16 + mod - rem
	for s1 >= mod {
		s1 -= mod
	}
	for s2 >= mod {
		s2 -= mod
	}
	return s1 | s2<<16
}
