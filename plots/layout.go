package plots

// LayeredLayout returns the positions of g's nodes (in node order) in the
// layered layout that LayeredNetwork draws, in the unit square with y
// growing downwards (the top row at 0): node i stands in column
// g.Nodes[i].Layer, at x = Layer/(L−1) for L columns (0.5 if there is one),
// and at the row the layered (Sugiyama) method gives it (see
// LayeredNetwork), y = row/(rows−1) (0.5 if there is one row). Only the
// columns' spacing differs from the figure, which spaces them by the
// widths of their labels. The layout does not depend on the order of
// g.Nodes or g.Edges.
//
// It returns the errors of LayeredNetwork for a bad graph.
func LayeredLayout(g Graph) ([][2]float64, error) {
	if err := validateGraph(g, true); err != nil {
		return nil, err
	}
	return layeredPositions(g, layersOf(g)), nil
}

// layersOf returns the column of each node of g, its Layer, in the order
// of g.Nodes.
func layersOf(g Graph) []int {
	layers := make([]int, len(g.Nodes))
	for i, v := range g.Nodes {
		layers[i] = v.Layer
	}
	return layers
}

// layeredPositions returns the positions of LayeredLayout for the valid
// graph g with node i in column layers[i].
func layeredPositions(g Graph, layers []int) [][2]float64 {
	lay := layoutNet(g, layers, g.ends())
	nl := len(lay.layers)
	out := make([][2]float64, len(g.Nodes))
	for i := range g.Nodes {
		x, y := 0.5, 0.5
		if nl > 1 {
			x = float64(layers[i]) / float64(nl-1)
		}
		if lay.rows > 1 {
			y = lay.y[i] / (lay.rows - 1)
		}
		out[i] = [2]float64{x, y}
	}
	return out
}

// GraphLayout returns the positions of g's nodes (in node order) in the
// layout NetworkGraph chooses for g, in the unit square with y growing
// downwards: LayeredLayout with the layers of GraphLayers when g.Layout is
// LayoutLayered, or LayoutAuto on a graph with edges, all directed and
// without a directed cycle; else ForceLayout (whose y is flipped, as
// NetworkGraph draws it with y growing upwards).
//
// It returns the errors of NetworkGraph for a bad graph or layout.
func GraphLayout(g Graph) ([][2]float64, error) {
	if err := validateGraph(g, false); err != nil {
		return nil, err
	}
	layered, err := useLayered(g)
	if err != nil {
		return nil, err
	}
	if layered {
		layers, _ := GraphLayers(g)
		return layeredPositions(g, layers), nil
	}
	pos := ForceLayout(g)
	for i := range pos {
		pos[i][1] = 1 - pos[i][1]
	}
	return pos, nil
}
