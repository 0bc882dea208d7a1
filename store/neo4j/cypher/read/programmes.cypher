// Programmes: every programme by normalised name, then ID.
CYPHER 5
MATCH (n:Programme)
WITH n
ORDER BY n.sortLabel, n.id
RETURN collect({{node}}) AS nodes
