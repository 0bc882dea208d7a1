package domain

// Dataset is a whole graph as loaded from seed files or an import: every node, by kind.
type Dataset struct {
	// Version is the dataset version, shown by Query.about and in exports.
	Version       string
	Persons       []*Person
	Organizations []*Organization
	Countries     []*Country
	Roles         []*Role
	Meetings      []*Meeting
	Commitments   []*Commitment
	Projects      []*Project
	Programmes    []*Programme
	Pillars       []*Pillar
	Figures       []*Figure
	Sources       []*Source
}

// Nodes returns every node of the dataset, kind by kind in the order of Kinds.
func (d *Dataset) Nodes() []Node {
	var ns []Node
	ns = appendNodes(ns, d.Persons)
	ns = appendNodes(ns, d.Organizations)
	ns = appendNodes(ns, d.Countries)
	ns = appendNodes(ns, d.Roles)
	ns = appendNodes(ns, d.Meetings)
	ns = appendNodes(ns, d.Commitments)
	ns = appendNodes(ns, d.Projects)
	ns = appendNodes(ns, d.Programmes)
	ns = appendNodes(ns, d.Pillars)
	ns = appendNodes(ns, d.Figures)
	ns = appendNodes(ns, d.Sources)
	return ns
}

func appendNodes[T Node](ns []Node, xs []T) []Node {
	for _, x := range xs {
		ns = append(ns, x)
	}
	return ns
}

// Add appends a node to the slice of its kind.
func (d *Dataset) Add(n Node) {
	switch n := n.(type) {
	case *Person:
		d.Persons = append(d.Persons, n)
	case *Organization:
		d.Organizations = append(d.Organizations, n)
	case *Country:
		d.Countries = append(d.Countries, n)
	case *Role:
		d.Roles = append(d.Roles, n)
	case *Meeting:
		d.Meetings = append(d.Meetings, n)
	case *Commitment:
		d.Commitments = append(d.Commitments, n)
	case *Project:
		d.Projects = append(d.Projects, n)
	case *Programme:
		d.Programmes = append(d.Programmes, n)
	case *Pillar:
		d.Pillars = append(d.Pillars, n)
	case *Figure:
		d.Figures = append(d.Figures, n)
	case *Source:
		d.Sources = append(d.Sources, n)
	}
}
