package seed

import (
	"errors"
	"os"
	"strings"
	"testing"
)

const coverageFixture = "testdata/coverage/valid.md"

func TestCheckCoverage(t *testing.T) {
	ds, err := loadFixture(fixture(t))
	if err != nil {
		t.Fatalf("valid fixture: %v", err)
	}
	valid, err := os.ReadFile(coverageFixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckCoverage(valid, ds, seedsDir); err != nil {
		t.Fatalf("valid coverage fixture: %v", err)
	}

	tests := []struct {
		name     string
		old, new string
		at       string // the expected line is the first holding this text ("" = line 0)
		section  string
		msg      string
	}{
		{
			name: "sentence missing",
			old:  "> Ning Jizhe, deputy head of the NDRC, chaired the meeting.\n- `person:ning-jizhe`, `role:ning-jizhe-deputy-head-ndrc`\n",
			at:   "> The two sides", section: "102_article.txt",
			msg: `the article text before this line is missing from the section: "Ning Jizhe, deputy head of the NDRC, chaired the meeting."`,
		},
		{
			name: "sentence altered", old: "> Pakistan has 161 million", new: "> Pakistan has 160 million",
			at: "> Pakistan has 160", section: "101_article.txt",
			msg: `this line is not the article's text as written; from here the article reads "Pakistan has 161 million`,
		},
		{
			name: "end of article missing", old: "> Leave a Reply\n- not modelled: page furniture\n",
			at: "## 101_article.txt", section: "101_article.txt",
			msg: `the end of the article is missing from the section: "Leave a Reply"`,
		},
		{
			name: "line ends inside a word", old: "> Pakistan has 161 million mobile subscribers.\n",
			new: "> Pakistan has 161 million mob\n- not modelled: test\n> ile subscribers.\n",
			at:  "> Pakistan has 161 million mob", section: "101_article.txt",
			msg: "this line ends inside a word",
		},
		{
			name: "unknown record ID", old: "`org:ministry-of-planning`", new: "`org:ministry-of-planing`",
			at: "`org:ministry-of-planing`", section: "101_article.txt",
			msg: `"org:ministry-of-planing" is not a record of the dataset (did you mean "org:ministry-of-planning"?)`,
		},
		{
			name: "ID not in backticks", old: "- `commitment:investment-range`", new: "- commitment:investment-range",
			at: "- commitment:investment-range", section: "101_article.txt",
			msg: `"commitment:investment-range": expected a record ID in backticks`,
		},
		{
			name: "not modelled without a reason", old: "- not modelled: headline\n", new: "- not modelled:\n",
			at: "- not modelled:\n", section: "102_article.txt",
			msg: `write "not modelled: <why>" with the reason`,
		},
		{
			name: "empty dash line", old: "- `meeting:jcc-10`\n", new: "-\n",
			at: "-\n", section: "102_article.txt",
			msg: `an empty "- " line`,
		},
		{
			name: "quote line without its dash line", old: "- `figure:pakistan-mobile-subscribers`\n",
			at: "> Pakistan has", section: "101_article.txt",
			msg: `this "> " line has no "- " line after it`,
		},
		{
			name: "dash line without a quote line", old: "- not modelled: page furniture\n",
			new: "- not modelled: page furniture\n- `org:jcc`\n",
			at:  "- `org:jcc`", section: "101_article.txt",
			msg: `a "- " line must follow a "> " line`,
		},
		{
			name: "stray text in a section", old: "> Leave a Reply\n", new: "Leave a Reply\n",
			at: "Leave a Reply", section: "101_article.txt",
			msg: "unexpected line in a section",
		},
		{
			name: "article without a section", old: "## 102_article.txt\n", new: "## 101_article.txt\n",
			at: "", section: "102_article.txt",
			msg: `no section "## 102_article.txt"`,
		},
		{
			name: "section for an unknown article", old: "## 102_article.txt\n", new: "## 102_article.txt\n\n## 103_article.txt\n",
			at: "## 103", section: "103_article.txt",
			msg: "no such article in testdata/seeds",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := string(valid)
			if n := strings.Count(text, tt.old); n != 1 {
				t.Fatalf("fixture holds %q %d times, want once", tt.old, n)
			}
			text = strings.Replace(text, tt.old, tt.new, 1)
			line := 0
			if tt.at != "" {
				i := strings.Index(text, tt.at)
				if i < 0 {
					t.Fatalf("%q not in patched fixture", tt.at)
				}
				line = strings.Count(text[:i], "\n") + 1
			}
			err := CheckCoverage([]byte(text), ds, seedsDir)
			var verrs ValidationErrors
			if !errors.As(err, &verrs) {
				t.Fatalf("CheckCoverage = %v, want ValidationErrors", err)
			}
			for _, e := range verrs {
				if e.File == CoverageFile && e.Line == line && e.Record == tt.section && strings.Contains(e.Message, tt.msg) {
					if line > 0 && !strings.HasPrefix(e.Error(), CoverageFile+":") {
						t.Errorf("Error() = %q does not start with the file and line", e.Error())
					}
					return
				}
			}
			t.Errorf("no error at %s:%d in section %s containing %q; got:\n%v", CoverageFile, line, tt.section, tt.msg, err)
		})
	}
}
