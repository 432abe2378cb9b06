package sharecard

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash"
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

// pngBuffers keeps the bytes of a card's stream and file between cards: a
// card allocating its own grew them afresh, most of what a build of many
// cards allocated.
var pngBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// encode writes img, Width by Height with a palette of at most 256
// colours, as a PNG.
func encode(w io.Writer, img *image.Paletted) error {
	zp, outp := pngBuffers.Get().(*[]byte), pngBuffers.Get().(*[]byte)
	defer pngBuffers.Put(zp)
	defer pngBuffers.Put(outp)
	*zp = idat((*zp)[:0], img)
	out := append((*outp)[:0], "\x89PNG\r\n\x1a\n"...)
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], Width)
	binary.BigEndian.PutUint32(ihdr[4:], Height)
	ihdr[8], ihdr[9] = 8, 3 // 8 bits per pixel, paletted
	out = chunk(out, "IHDR", ihdr[:])
	var plte [3 * 256]byte
	for i, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte[3*i], plte[3*i+1], plte[3*i+2] = byte(r>>8), byte(g>>8), byte(b>>8)
	}
	out = chunk(out, "PLTE", plte[:3*len(img.Palette)])
	out = chunk(out, "IDAT", *zp)
	out = chunk(out, "IEND", nil)
	*outp = out
	_, err := w.Write(out)
	return err
}

// chunk appends a PNG chunk to out.
func chunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	start := len(out)
	out = append(append(out, typ...), data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(out[start:]))
}

// idat appends to z the zlib stream of img's rows: the band, runs of
// blank and drawn rows between it and the rule, and the footer.
func idat(z []byte, img *image.Paletted) []byte {
	z = append(z, 0x78, 0x01) // deflate, 32 KB window, fastest
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
			var s segment
			z, s = compressRows(z, img, y, end)
			adler = adler32Combine(adler, s.adler, s.n)
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

// filterNone is the filter byte of a row written as it is.
var filterNone = []byte{0}

// compressors keeps deflate's large state between segments.
var compressors = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// appender appends what is written to it to a slice.
type appender struct{ b *[]byte }

func (a appender) Write(p []byte) (int, error) { *a.b = append(*a.b, p...); return len(p), nil }

// compress appends to dst the deflate blocks of what write writes to its
// writer, ended by a sync flush, and returns them with their segment: its
// deflate field is the appended bytes.
func compress(dst []byte, write func(w io.Writer, sum hash.Hash32) int) ([]byte, segment) {
	start := len(dst)
	w := compressors.Get().(*flate.Writer)
	defer compressors.Put(w)
	w.Reset(appender{&dst})
	sum := adler32.New()
	n := write(w, sum)
	w.Flush()
	return dst, segment{deflate: dst[start:], adler: sum.Sum32(), n: n}
}

// compressRows appends the segment of rows y0 to y1 of img to dst.
func compressRows(dst []byte, img *image.Paletted, y0, y1 int) ([]byte, segment) {
	return compress(dst, func(w io.Writer, sum hash.Hash32) int {
		for y := y0; y < y1; y++ {
			row := img.Pix[y*img.Stride : y*img.Stride+Width]
			w.Write(filterNone)
			w.Write(row)
			sum.Write(filterNone)
			sum.Write(row)
		}
		return (y1 - y0) * rowLen
	})
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
		_, s := compress(nil, func(w io.Writer, sum hash.Hash32) int {
			for range n {
				w.Write(row)
				sum.Write(row)
			}
			return n * rowLen
		})
		return s
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
	fresh := func() segment { _, s := compressRows(nil, img, y0, y1); return s }
	s := sharedRows.get(k, func() sharedSegment { return sharedSegment{bytes.Clone(pix), fresh()} })
	if !bytes.Equal(s.pix, pix) {
		return fresh()
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
