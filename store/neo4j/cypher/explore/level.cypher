// Neighborhood: the next level of the breadth-first search, for the whole level
// ($ids) at once: the nodes one stored relationship of an allowed type ($types,
// from the whitelist domain.RelTypes) away, not seen yet ($seen), of an allowed
// label ($labels, null for every kind), the $limit smallest IDs, with their records.
CYPHER 5
UNWIND $ids AS id
MATCH (:Node {id: id})-[r]-(n:Node)
WHERE type(r) IN $types
  AND NOT n.id IN $seen
  AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
WITH DISTINCT n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, {{node}} AS node
