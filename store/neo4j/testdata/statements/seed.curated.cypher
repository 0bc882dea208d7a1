CYPHER 5
UNWIND $ids AS id
OPTIONAL MATCH (n:Node {id: id})
OPTIONAL MATCH (t:Tombstone {id: id})
WITH id, n, t
WHERE n.origin = 'CURATED' OR t IS NOT NULL
RETURN collect(id) AS curated
