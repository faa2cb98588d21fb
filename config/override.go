package config

import (
	"errors"
	"fmt"
	"strings"
)

// Override applies a command-line "-D name=value" the way Sphinx converts
// it (sphinx.config.Config.convert_overrides), by the type of the setting's
// default:
//
//   - bool: "0" is False, any other non-empty text True, "" False;
//   - int: parsed as Python's int() does, or rejected;
//   - list: split at commas ("a,b" is ["a", "b"]);
//   - dict: rejected; set one entry with "name.key=value" instead, which
//     stores the text under key (starting from an empty dict if the file did
//     not set name);
//   - str, settings of any type (source_suffix) and computed defaults
//     (html_title, root_doc, copyright): the text as given.
//
// extensions is a list like any other. Names docbuild does not know are
// rejected, as Sphinx rejects names no extension registered. The returned
// error says why an override was ignored, or joins the warnings a value
// raised (an extlinks entry that is not a pair...), which the caller prints.
func (c *Config) Override(name, value string) error {
	var warns []error
	warn := func(text string) { warns = append(warns, errors.New(text)) }
	if real, key, dotted := strings.Cut(name, "."); dotted {
		var d *Dict
		switch cur := c.Raw[real].(type) {
		case nil:
			d = NewDict()
		case *Dict:
			d = cur.copy()
		default:
			return fmt.Errorf("cannot override %s: config value %s is a %s, not a dictionary", name, strRepr(real), TypeName(cur))
		}
		_ = d.Set(key, value)
		c.set(real, d, 0, warn)
		c.derive()
		return errors.Join(warns...)
	}
	v, err := convertOverride(name, value)
	if err != nil {
		return err
	}
	c.set(name, v, 0, warn)
	c.derive()
	return errors.Join(warns...)
}

func convertOverride(name, value string) (any, error) {
	def, known := settings[name]
	if !known {
		return nil, fmt.Errorf("unknown config value %s in override, ignoring", strRepr(name))
	}
	if def.computed {
		return value, nil
	}
	switch d := def.def.(type) {
	case anyValue, nil, string:
		return value, nil
	case bool:
		return value != "0" && value != "", nil
	case *Dict:
		return nil, fmt.Errorf("cannot override dictionary config setting %s, ignoring (use %s to set individual elements)", strRepr(name), strRepr(name+".key=value"))
	case []any:
		parts := strings.Split(value, ",")
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = p
		}
		return out, nil
	case int64:
		n, err := parseIntText(value, 10)
		if err != nil {
			return nil, fmt.Errorf("invalid number %s for config value %s, ignoring", strRepr(value), strRepr(name))
		}
		return n, nil
	default:
		_ = d
		return nil, fmt.Errorf("cannot override config setting %s with unsupported type, ignoring", strRepr(name))
	}
}
