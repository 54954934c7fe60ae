// Command ceiling measures the edge-relaxation rate of a tight
// breadth-first search over CSR arrays, the ceiling against which
// bench/run.sh compares the shortest-path kernels of ecosys, igraph and
// NetworkX. It reads an edge list CSV with integer node ids
// (source,target[,weight]) and prints one JSON object:
//
//	{"nodes": n, "arcs": a, "sources": s, "seconds": t, "arcs_per_second": s·a/t}
//
// Usage: ceiling [-directed] [-sources N] FILE
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	directed := flag.Bool("directed", false, "edges run source → target")
	sources := flag.Int("sources", 2000, "number of BFS sources (0: all nodes)")
	flag.Parse()
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	var us, vs []int32
	n := int32(0)
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		cells := strings.Split(sc.Text(), ",")
		u, err1 := strconv.Atoi(cells[0])
		v, err2 := strconv.Atoi(cells[1])
		if err1 != nil || err2 != nil {
			fmt.Fprintln(os.Stderr, "ceiling: integer ids only:", sc.Text())
			os.Exit(1)
		}
		us, vs = append(us, int32(u)), append(vs, int32(v))
		n = max(n, int32(u)+1, int32(v)+1)
	}
	off := make([]int32, n+1)
	for i := range us {
		off[us[i]+1]++
		if !*directed {
			off[vs[i]+1]++
		}
	}
	for i := range n {
		off[i+1] += off[i]
	}
	adj := make([]int32, off[n])
	next := append([]int32(nil), off[:n]...)
	for i := range us {
		adj[next[us[i]]] = vs[i]
		next[us[i]]++
		if !*directed {
			adj[next[vs[i]]] = us[i]
			next[vs[i]]++
		}
	}
	for v := range n {
		slices.Sort(adj[off[v]:off[v+1]]) // rows in index order, as ecosys keeps them
	}
	s := int(n)
	if *sources > 0 && *sources < s {
		s = *sources
	}
	level := make([]int32, n)
	for i := range level {
		level[i] = -1
	}
	queue := make([]int32, 0, n)
	var scanned int64
	start := time.Now()
	for k := range s {
		src := int32(int64(k) * int64(n) / int64(s)) // spread over the ids
		queue = append(queue[:0], src)
		level[src] = 0
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			d := level[v] + 1
			row := adj[off[v]:off[v+1]]
			scanned += int64(len(row))
			for _, x := range row {
				if level[x] < 0 {
					level[x] = d
					queue = append(queue, x)
				}
			}
		}
		for _, v := range queue {
			level[v] = -1
		}
	}
	secs := time.Since(start).Seconds()
	json.NewEncoder(os.Stdout).Encode(map[string]any{"nodes": n, "arcs": len(adj), "sources": s, "seconds": secs,
		"arcs_per_second": float64(scanned) / secs})
}
