package sphinx

import (
	"strings"

	"github.com/docbuild/docbuild/config"
	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// ExtlinkRoles returns the roles of sphinx.ext.extlinks for the extlinks
// setting, keyed by role name: each maps its text to base URL % text, the
// caption % text being the link's title. An empty caption stands for
// Python's None (the title is the full URL); see ExtlinkRolesFromSetting
// for the setting's own value, which tells None from "". Register them
// with Registry.AddLocalRole.
func ExtlinkRoles(extlinks map[string][2]string) map[string]*directives.Role {
	out := make(map[string]*directives.Role, len(extlinks))
	for name, v := range extlinks {
		out[name] = extlinkRole(v[0], v[1], v[1] != "")
	}
	return out
}

// ExtlinkRolesFromSetting is ExtlinkRoles for the value of the extlinks
// configuration setting as package config reads it: a dict from role name
// to a (base URL, caption) tuple or list, the caption possibly None.
// Malformed entries are skipped.
func ExtlinkRolesFromSetting(v any) map[string]*directives.Role {
	d, ok := v.(*config.Dict)
	if !ok {
		return nil
	}
	out := map[string]*directives.Role{}
	d.Each(func(key, value any) {
		name, ok := key.(string)
		if !ok {
			return
		}
		var pair []any
		switch x := value.(type) {
		case config.Tuple:
			pair = x
		case []any:
			pair = x
		}
		if len(pair) != 2 {
			return
		}
		base, ok := pair[0].(string)
		if !ok {
			return
		}
		switch cap := pair[1].(type) {
		case nil:
			out[name] = extlinkRole(base, "", false)
		case string:
			out[name] = extlinkRole(base, cap, true)
		}
	})
	return out
}

// extlinkRole is sphinx.ext.extlinks.make_link_role. A base URL or caption
// that %-formatting rejects is treated as a prefix, as Sphinx 5.3 does
// (with a deprecation warning at start-up, which is the caller's).
func extlinkRole(base, caption string, hasCaption bool) *directives.Role {
	if _, ok := percentS(base, "dummy"); !ok {
		base = strings.ReplaceAll(base, "%", "%%") + "%s"
	}
	if hasCaption {
		if _, ok := percentS(caption, "dummy"); !ok {
			caption = strings.ReplaceAll(caption, "%", "%%") + "%s"
		}
	}
	return &directives.Role{Fn: func(c *directives.RoleCall) ([]doctree.Node, []*doctree.Element) {
		text := doctree.Unescape(c.Text, false)
		title, part, explicit := matchExplicitTitle(text, true)
		if !explicit {
			title, part = text, text
		}
		url, _ := percentS(base, part)
		if !explicit {
			if hasCaption {
				title, _ = percentS(caption, part)
			} else {
				title = url
			}
		}
		node := doctree.NewTextElement(doctree.TagReference, title, title)
		node.Set("internal", false)
		node.Set("refuri", url)
		return []doctree.Node{node}, nil
	}}
}

// percentS is Python's format % arg for one string argument: "%%" is a
// percent sign and the one conversion must be %s, %r or %a (with optional
// flags, width and precision). ok is false where Python raises.
func percentS(format, arg string) (string, bool) {
	var b strings.Builder
	used := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			b.WriteByte('%')
			continue
		}
		// flags, width and precision
		flags := ""
		for i < len(format) && strings.IndexByte("-+ #0", format[i]) >= 0 {
			flags += string(format[i])
			i++
		}
		width := 0
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			width = min(width*10+int(format[i]-'0'), 1<<16)
			i++
		}
		prec := -1
		if i < len(format) && format[i] == '.' {
			i++
			prec = 0
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				prec = min(prec*10+int(format[i]-'0'), 1<<16)
				i++
			}
		}
		if i >= len(format) || used {
			return "", false
		}
		var s string
		switch format[i] {
		case 's':
			s = arg
		case 'r', 'a':
			s = doctree.PyStrRepr(arg)
		default:
			return "", false
		}
		used = true
		if prec >= 0 {
			s = prefixRunes(s, prec)
		}
		if pad := width - len([]rune(s)); pad > 0 {
			if strings.Contains(flags, "-") {
				s += strings.Repeat(" ", pad)
			} else {
				s = strings.Repeat(" ", pad) + s
			}
		}
		b.WriteString(s)
	}
	if !used {
		return "", false
	}
	return b.String(), true
}
