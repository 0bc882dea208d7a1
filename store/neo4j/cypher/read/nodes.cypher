// Nodes: every requested record in one statement; unknown IDs return no row.
CYPHER 5
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, {{node}} AS node
