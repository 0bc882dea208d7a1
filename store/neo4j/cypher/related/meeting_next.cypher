// MEETING_NEXT: the meeting after this one in its series, where a series is ordered by sequence, date, then ID (unknown sequence and date last).
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (n:Meeting)
  WHERE p:Meeting AND n.series = p.series
  WITH p, n
  ORDER BY n.sequence IS NULL, n.sequence, n.date IS NULL, n.date, n.id
  WITH p, collect(n) AS series
  WITH series, [i IN range(0, size(series) - 1) WHERE series[i] = p] AS at
  UNWIND CASE WHEN size(at) = 1 AND at[0] < size(series) - 1 THEN [series[at[0] + 1]] ELSE [] END AS n
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
