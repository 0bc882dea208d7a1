// Nodes: every requested record in one statement; an ID merged away resolves to
// its survivor (its :Tombstone); unknown IDs return no row.
CYPHER 5
UNWIND $ids AS id
OPTIONAL MATCH (t:Tombstone {id: id})
WITH id, coalesce(t.survivor, id) AS target
MATCH (n:Node {id: target})
RETURN id, {{node}} AS node
