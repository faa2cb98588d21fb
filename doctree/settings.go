package doctree

import "time"

// Settings are the run-time settings that parsers, transforms and writers
// read, under docutils' names (the field comments give the docutils setting).
// DefaultSettings returns docutils' defaults.
type Settings struct {
	ReportLevel int // report_level: messages at or above it are reported
	HaltLevel   int // halt_level: a message at or above it stops processing
	Debug       bool

	LanguageCode string // language_code
	TabWidth     int    // tab_width

	IDPrefix     string // id_prefix
	AutoIDPrefix string // auto_id_prefix

	PEPReferences bool   // pep_references
	PEPBaseURL    string // pep_base_url
	PEPFileURL    string // pep_file_url_template
	RFCReferences bool   // rfc_references
	RFCBaseURL    string // rfc_base_url

	TrimFootnoteReferenceSpace bool     // trim_footnote_reference_space
	CharacterLevelInlineMarkup bool     // character_level_inline_markup
	FileInsertionEnabled       bool     // file_insertion_enabled
	RawEnabled                 bool     // raw_enabled
	LineLengthLimit            int      // line_length_limit
	SyntaxHighlight            string   // syntax_highlight: long, short or none
	InputEncoding              string   // input_encoding
	OutputEncoding             string   // output_encoding
	ExposeInternals            []string // expose_internals

	DoctitleXform            bool   // doctitle_xform
	DocinfoXform             bool   // docinfo_xform
	SectsubtitleXform        bool   // sectsubtitle_xform
	SectionSelfLink          bool   // section_self_link
	SectnumXform             bool   // sectnum_xform: number sections in the tree, not in the writer
	FootnoteReferences       string // footnote_references: brackets or superscript
	SmartQuotes              string // smart_quotes: "", "yes", "alt" ...
	SmartquotesLocales       [][2]string
	StripComments            bool
	StripElementsWithClasses []string
	StripClasses             []string
	Toc                      BacklinksSetting // toc_backlinks
	Datestamp                string
	Generator                bool
	SourceLink               bool
	SourceURL                string
	Title                    string
	EnvRecordDependencies    bool

	// Now, when set, is the moment the date directive and the build's
	// "today" use instead of the clock, for reproducible output (the
	// SOURCE_DATE_EPOCH convention).
	Now time.Time

	// SourceDir is the directory that relative include and raw paths are
	// resolved against when the document has no file of its own.
	SourceDir string
}

// BacklinksSetting is the toc_backlinks setting: "entry", "top" or "none".
type BacklinksSetting = string

// DefaultSettings returns docutils 0.19's default settings for the reST
// parser and the standalone reader.
func DefaultSettings() *Settings {
	return &Settings{
		ReportLevel:                2,
		HaltLevel:                  4,
		LanguageCode:               "en",
		TabWidth:                   8,
		AutoIDPrefix:               "%",
		PEPBaseURL:                 "https://peps.python.org/",
		PEPFileURL:                 "pep-%04d",
		RFCBaseURL:                 "https://tools.ietf.org/html/",
		FileInsertionEnabled:       true,
		RawEnabled:                 true,
		LineLengthLimit:            10000,
		SyntaxHighlight:            "long",
		InputEncoding:              "utf-8",
		OutputEncoding:             "utf-8",
		DoctitleXform:              true,
		DocinfoXform:               true,
		SectsubtitleXform:          false,
		SectionSelfLink:            false,
		SectnumXform:               true,
		FootnoteReferences:         "brackets",
		Toc:                        "entry",
		TrimFootnoteReferenceSpace: false,
	}
}
