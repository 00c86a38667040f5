/// A trie's transitions as a double array (Aoe's): node `n`'s child by label `c` lies in
/// cell `base(n) + c`, whose `check` is `n`'s cell. The children of all nodes are
/// interleaved in one array about as long as there are nodes and labels, so a step is
/// two reads close together, with no hashing and no probing, in memory small enough to
/// stay in the first-level cache where a dense table of nodes by labels would not.
enum DoubleArray {
  /// A cell: the base of the node in it, and the cell of the node it is a child of (-1
  /// for a free cell, -2 for the fixed cells, which are nobody's children).
  struct Cell {
    var base: Int32
    var check: Int32
  }

  /// Places the nodes: nodes `0..<fixed` keep cells `0..<fixed`, the others are placed
  /// breadth first from `root` (one of the fixed), each node's children in the first
  /// cells free for all of them. Labels are in `0..<labels`; every node not fixed must be
  /// reachable from `root`.
  /// - Returns: the cells, every base plus every label within them, and each node's cell.
  static func build(
    nodes: Int, fixed: Int, root: Int, labels: Int, children: (Int) -> [(label: Int, node: Int)]
  ) -> (cells: [Cell], cellOf: [Int32]) {
    var cells = [Cell](repeating: Cell(base: 0, check: -1), count: max(fixed, 1) + labels)
    for k in 0..<fixed { cells[k].check = -2 }
    var cellOf = [Int32](repeating: -1, count: nodes)
    for k in 0..<fixed { cellOf[k] = Int32(k) }
    var queue = [root]
    var head = 0
    // Cells before this one are all taken.
    var firstFree = fixed
    while head < queue.count {
      let node = queue[head]
      head += 1
      let kids = children(node)
      guard let low = kids.map(\.label).min() else { continue }
      while firstFree < cells.count && cells[firstFree].check != -1 { firstFree += 1 }
      var base = max(firstFree - low, 0)
      while !kids.allSatisfy({ base + $0.label >= cells.count || cells[base + $0.label].check == -1 }) {
        base += 1
      }
      if base + labels > cells.count {
        cells.append(contentsOf: repeatElement(Cell(base: 0, check: -1), count: base + labels - cells.count))
      }
      let cell = Int(cellOf[node])
      cells[cell].base = Int32(base)
      for kid in kids {
        cells[base + kid.label].check = Int32(cell)
        cellOf[kid.node] = Int32(base + kid.label)
        queue.append(kid.node)
      }
    }
    // A node without children has base 0, which leads to cells whose check is never its
    // own cell.
    return (cells, cellOf)
  }

  /// Values by node rearranged by cell, `empty` in the cells that hold no node.
  static func byCell<T>(_ values: [T], _ cellOf: [Int32], count: Int, empty: T) -> [T] {
    var out = [T](repeating: empty, count: count)
    for (node, value) in values.enumerated() where cellOf[node] >= 0 { out[Int(cellOf[node])] = value }
    return out
  }
}
