// Pillars: every pillar by its programme's normalised name and ID, then its
// number (unknown last), then ID.
CYPHER 5
MATCH (n:Pillar)
OPTIONAL MATCH (n)-[:PILLAR_OF]->(g:Programme)
WITH n, g
ORDER BY coalesce(g.sortLabel, ''), coalesce(g.id, ''), n.number IS NULL, n.number, n.id
RETURN collect({{node}}) AS nodes
