package markup

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// headingIDs is the parser.IDs of one article: goldmark's automatic heading
// ids, except that none starts with "claim-" or "note-", which section 7 of
// the design keeps for claims ("claim-ID" on a claim's first mark) and notes
// ("note-ID"), or with "scholia-", which the theme keeps for its own
// elements ("scholia-main", "scholia-text"). Such an id gets "h-" in front:
// "## Claim guns" has id "h-claim-guns", never "claim-guns", which the
// claim "guns" uses. Ids stay
// unique as goldmark makes them: "-1", "-2", ... after a used one.
type headingIDs struct {
	used map[string]bool
	n    map[string]int // the last suffix used for each base id
}

func newHeadingIDs() parser.IDs {
	return &headingIDs{used: map[string]bool{}, n: map[string]int{}}
}

// reservedPrefixes are the prefixes of the ids of section 7 of the design.
var reservedPrefixes = [][]byte{[]byte("claim-"), []byte("note-"), []byte("scholia-")}

// Generate implements parser.IDs as goldmark's own does, with reserved
// prefixes avoided.
func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	value = util.TrimRightSpace(util.TrimLeftSpace(value))
	result := []byte{}
	for i := 0; i < len(value); {
		v := value[i]
		l := util.UTF8Len(v)
		i += int(l)
		if l != 1 {
			continue
		}
		if util.IsAlphaNumeric(v) {
			if 'A' <= v && v <= 'Z' {
				v += 'a' - 'A'
			}
			result = append(result, v)
		} else if util.IsSpace(v) || v == '-' || v == '_' {
			result = append(result, '-')
		}
	}
	if len(result) == 0 {
		if kind == ast.KindHeading {
			result = []byte("heading")
		} else {
			result = []byte("id")
		}
	}
	if reserved(result) {
		result = append([]byte("h-"), result...)
	}
	key := string(result)
	if !s.used[key] {
		s.used[key] = true
		return result
	}
	for i := s.n[key] + 1; ; i++ {
		id := fmt.Sprintf("%s-%d", key, i)
		if !s.used[id] {
			s.used[id] = true
			s.n[key] = i
			return []byte(id)
		}
	}
}

// Put implements parser.IDs: value is taken.
func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }

func reserved(id []byte) bool {
	for _, p := range reservedPrefixes {
		if bytes.HasPrefix(id, p) {
			return true
		}
	}
	return false
}
