// Audit: entries newest first, below the sequence number $before (null: from
// the newest), of the node $nodeId when set; $limit is one more than the page.
CYPHER 5
MATCH (a:Audit)
WHERE ($nodeId IS NULL OR a.nodeId = $nodeId) AND ($before IS NULL OR a.seq < $before)
RETURN a
ORDER BY a.seq DESC
LIMIT $limit
