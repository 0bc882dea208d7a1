CYPHER 5
UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE n.origin = 'CURATED'
RETURN collect(n.id) AS curated
