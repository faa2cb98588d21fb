package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// ConfPyFile is the name of Sphinx's configuration file.
const ConfPyFile = "conf.py"

// DefaultNativeExtensions returns the Sphinx extensions docbuild implements
// or accepts, so that a project listing them gets no warning. Some are
// accepted without effect: sphinx.ext.ifconfig (its directive's content is
// kept), sphinx.ext.viewcode (no source pages), sphinx.ext.doctest (its
// directives render as code), sphinx.ext.duration and sphinx.ext.coverage.
// The result is a fresh set the caller may extend.
func DefaultNativeExtensions() map[string]bool {
	return map[string]bool{
		"sphinx.ext.extlinks":         true,
		"sphinx.ext.todo":             true,
		"sphinx.ext.intersphinx":      true,
		"sphinx.ext.ifconfig":         true,
		"sphinx.ext.doctest":          true,
		"sphinx.ext.autosectionlabel": true,
		"sphinx.ext.githubpages":      true,
		"sphinx.ext.mathjax":          true,
		"sphinx.ext.viewcode":         true,
		"sphinx.ext.duration":         true,
		"sphinx.ext.coverage":         true,
		"myst_parser":                 true,
	}
}

// Options adjusts Load.
type Options struct {
	// Native is the set of extensions docbuild implements; nil means
	// DefaultNativeExtensions.
	Native map[string]bool
}

// Load reads the configuration of the project in dir: docbuild.toml if
// present, else conf.py, else Sphinx's defaults with a warning. The error is
// for files that cannot be read and for invalid TOML; everything else is a
// warning, so that a build can go on as Sphinx's would.
func Load(dir string) (*Config, []Warning, error) {
	return LoadWith(dir, Options{})
}

// LoadWith is Load with options.
func LoadWith(dir string, opts Options) (*Config, []Warning, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("configuration directory: %w", err)
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("configuration directory %s is not a directory", dir)
	}
	var c *Config
	var warns []Warning
	tomlPath := filepath.Join(dir, TOMLFile)
	confPath := filepath.Join(dir, ConfPyFile)
	if data, err := os.ReadFile(tomlPath); err == nil {
		if c, warns, err = FromTOML(dir, tomlPath, data); err != nil {
			return nil, nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	} else if src, err := os.ReadFile(confPath); err == nil {
		c, warns = FromConfPy(dir, confPath, src)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	} else {
		c = New(dir)
		warns = append(warns, Warning{File: dir, Kind: Warn,
			Text: fmt.Sprintf("no %s or %s found; using Sphinx's default settings", TOMLFile, ConfPyFile)})
	}
	warns = append(warns, c.ExtensionWarnings(opts.Native)...)
	return c, warns, nil
}

// FromConfPy builds a configuration from the text of a conf.py (see
// ParseConfPy for what is evaluated); file is the name used in messages.
func FromConfPy(dir, file string, src []byte) (*Config, []Warning) {
	ns, warns := ParseConfPy(file, src)
	c := New(dir)
	c.File = file
	for _, name := range ns.Names() {
		v, line, _ := ns.Get(name)
		c.set(name, v, line, func(text string) {
			warns = append(warns, Warning{File: file, Line: line, Kind: Warn, Text: text})
		})
	}
	c.Tags = append(c.Tags, ns.Tags...)
	c.derive()
	sort.SliceStable(warns, func(i, j int) bool { return warns[i].Line < warns[j].Line })
	return c, warns
}

// ExtensionWarnings names, once each, the extensions in the configuration
// that are not in native (nil: DefaultNativeExtensions). Load calls it; a
// caller that overrides extensions calls it again.
func (c *Config) ExtensionWarnings(native map[string]bool) []Warning {
	if native == nil {
		native = DefaultNativeExtensions()
	}
	var out []Warning
	seen := map[string]bool{}
	for _, e := range c.Extensions {
		if native[e] || seen[e] {
			continue
		}
		seen[e] = true
		file := c.File
		if file == "" {
			file = c.Dir
		}
		out = append(out, Warning{File: file, Line: c.Line("extensions"), Kind: Warn,
			Text: fmt.Sprintf("extension %s is not supported by docbuild; its directives, roles and settings are ignored", e)})
	}
	return out
}
