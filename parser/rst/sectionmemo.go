package rst

// SectionMemo returns the section title styles the document has used so
// far and the current section level (docutils' memo.title_styles and
// memo.section_level). A style is its underline character, after the
// overline character for overlined titles. Sphinx's only directive reads
// and resets them to parse its content as a hierarchy of its own; it finds
// this method through an interface of its own, so Host is unchanged.
func (h *host) SectionMemo() (styles []string, level int) {
	ds := h.m.ds
	for _, s := range ds.titleStyles {
		if s.over != 0 {
			styles = append(styles, string(s.over)+string(s.under))
		} else {
			styles = append(styles, string(s.under))
		}
	}
	return styles, ds.sectionLevel
}

// SetSectionMemo replaces the title styles and section level that
// SectionMemo returns; styles that are not one or two characters are
// ignored.
func (h *host) SetSectionMemo(styles []string, level int) {
	ds := h.m.ds
	ds.titleStyles = ds.titleStyles[:0:0]
	for _, s := range styles {
		r := []rune(s)
		switch len(r) {
		case 1:
			ds.titleStyles = append(ds.titleStyles, titleStyle{under: r[0]})
		case 2:
			ds.titleStyles = append(ds.titleStyles, titleStyle{over: r[0], under: r[1]})
		}
	}
	ds.sectionLevel = level
}
