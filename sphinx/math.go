package sphinx

import (
	"strconv"

	"github.com/docbuild/docbuild/directives"
	"github.com/docbuild/docbuild/doctree"
)

// This file holds Sphinx's math directive (sphinx.directives.patches),
// which numbers labelled equations, and the todo extension's directives.

func itoa(n int) string { return strconv.Itoa(n) }

func mathDirective() *directives.Directive {
	return &directives.Directive{
		OptionalArguments:       1,
		FinalArgumentWhitespace: true,
		OptionSpec: map[string]directives.OptionConv{
			"label":  directives.Unchanged,
			"name":   directives.Unchanged,
			"class":  directives.ClassOption,
			"nowrap": directives.Flag,
		},
		HasContent: true,
		Run:        runMath,
	}
}

// runMath makes a math_block. A labelled equation gets its number in the
// document (number) and a target "equation-<label>" before it; an empty
// label (or math_number_all) labels it "<docname>:<n>".
func runMath(c *directives.Call) ([]doctree.Node, error) {
	doc := c.Host.Document()
	env := EnvOf(doc)
	latex := c.Content.Text()
	if len(c.Arguments) > 0 && c.Arguments[0] != "" {
		latex = c.Arguments[0] + "\n\n" + latex
	}
	var label any
	if v, ok := c.Options["label"]; ok {
		label = v
	} else if v, ok := c.Options["name"]; ok {
		label = v
	}
	node := doctree.NewTextElement(doctree.TagMathBlock, latex, latex)
	node.Classes = append(node.Classes, classesOf(c.Options)...)
	node.Set("docname", docName(env))
	node.Set("number", nil)
	node.Set("label", label)
	node.Set("nowrap", has(c.Options, "nowrap"))
	c.AddName(node)
	setSourceInfo(c, node)

	l, _ := label.(string)
	if (label != nil && l == "") || (settingBool(env, "math_number_all", false) && l == "") {
		l = docName(env) + ":" + itoa(newSerialNo(doc, "sphinx.ext.math#equations"))
		node.Set("label", l)
	}
	if l == "" {
		return []doctree.Node{node}, nil
	}
	node.Set("number", noteEquation(doc, l, node))
	target := doctree.NewElement(doctree.TagTarget)
	target.IDs = []string{doctree.MakeID("equation-" + l)}
	doc.NoteExplicitTarget(target, nil)
	return []doctree.Node{target, node}, nil
}

// noteEquation is the math domain's note_equation: it numbers the
// document's labelled equations from 1, warning when a label repeats in
// the document (the build checks labels across documents).
func noteEquation(doc *doctree.Document, label string, node *doctree.Element) int {
	t := temp(doc)
	seen, _ := t["math:equations"].(map[string]bool)
	if seen == nil {
		seen = map[string]bool{}
		t["math:equations"] = seen
	}
	if seen[label] {
		warnAt(doc, node, "duplicate label of equation %s, other instance in %s", label, docName(EnvOf(doc)))
	}
	seen[label] = true
	return newSerialNo(doc, "eqno") + 1
}

func todoDirective() *directives.Directive {
	return &directives.Directive{
		OptionSpec: map[string]directives.OptionConv{
			"class": directives.ClassOption,
			"name":  directives.Unchanged,
		},
		HasContent: true,
		Run:        runTodo,
	}
}

// runTodo is sphinx.ext.todo's Todo: an admonition titled "Todo" that the
// todolist directive collects. Whether todos are shown is the writer's
// business (todo_include_todos).
func runTodo(c *directives.Call) ([]doctree.Node, error) {
	if len(classesOf(c.Options)) == 0 {
		c.Options["class"] = []string{"admonition-todo"}
	}
	named := has(c.Options, "name")
	node, err := runAdmonition(c, TagTodoNode)
	if err != nil {
		return nil, err
	}
	node.Insert(0, doctree.NewTextElement(doctree.TagTitle, "", "Todo"))
	node.Set("docname", docName(EnvOf(c.Host.Document())))
	setSourceInfo(c, node)
	if !named {
		// Sphinx registers the node a second time, which fails for a
		// named todo; the name made it a target already.
		c.Host.Document().NoteExplicitTarget(node, nil)
	}
	return []doctree.Node{node}, nil
}

func todoListDirective() *directives.Directive {
	return &directives.Directive{
		OptionSpec: map[string]directives.OptionConv{},
		Run: func(c *directives.Call) ([]doctree.Node, error) {
			return []doctree.Node{doctree.NewElement(TagTodoList)}, nil
		},
	}
}
