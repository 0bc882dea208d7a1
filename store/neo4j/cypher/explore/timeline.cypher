// Timeline: the events of meetings, commitments, roles (start and end) and
// figures that $actorId and $series select, dated within [$from, $to] as
// domain.PartialDate.Within decides (undated events only when neither is set),
// in the order of timeline.Compare (undated last, first possible day,
// precision, node ID, event kind), the first $limit. A role's event carries the
// names of its person and organization for its label; an unknown role end is not
// an end, so a role yields ROLE_END only when its end is known or described.
CYPHER 5
CALL () {
  MATCH (n:Meeting)
  WHERE ($actorId IS NULL
      OR EXISTS { (n)-[:MEETING_OF]->(:Node {id: $actorId}) }
      OR EXISTS { (:Node {id: $actorId})-[:ORGANIZED|PARTICIPATED_IN]->(n) })
    AND ($series IS NULL OR n.series = $series)
  RETURN n, 'MEETING' AS kind, 0 AS kindRank, n.date AS value,
    n.dateStart AS start, n.dateEnd AS end, null AS person, null AS organization
  UNION ALL
  MATCH (n:Commitment)
  WHERE ($actorId IS NULL
      OR EXISTS { (:Node {id: $actorId})-[:MADE]->(n) }
      OR EXISTS { (n)-[:MADE_TO]->(:Node {id: $actorId}) })
    AND ($series IS NULL OR EXISTS { (n)-[:MADE_AT]->(m:Meeting) WHERE m.series = $series })
  RETURN n, 'COMMITMENT' AS kind, 1 AS kindRank, n.date AS value,
    n.dateStart AS start, n.dateEnd AS end, null AS person, null AS organization
  UNION ALL
  MATCH (n:Role)
  WHERE $series IS NULL
    AND ($actorId IS NULL
      OR EXISTS { (:Node {id: $actorId})-[:HOLDS]->(n) }
      OR EXISTS { (n)-[:AT]->(:Node {id: $actorId}) })
  RETURN n, 'ROLE_START' AS kind, 2 AS kindRank, n.validFrom AS value,
    n.validFromStart AS start, n.validFromEnd AS end,
    head([(p:Node)-[:HOLDS]->(n) | p.name]) AS person, head([(n)-[:AT]->(o:Node) | o.name]) AS organization
  UNION ALL
  MATCH (n:Role)
  WHERE $series IS NULL
    AND (n.validTo IS NOT NULL OR n.validToText IS NOT NULL)
    AND ($actorId IS NULL
      OR EXISTS { (:Node {id: $actorId})-[:HOLDS]->(n) }
      OR EXISTS { (n)-[:AT]->(:Node {id: $actorId}) })
  RETURN n, 'ROLE_END' AS kind, 3 AS kindRank, n.validTo AS value,
    n.validToStart AS start, n.validToEnd AS end,
    head([(p:Node)-[:HOLDS]->(n) | p.name]) AS person, head([(n)-[:AT]->(o:Node) | o.name]) AS organization
  UNION ALL
  MATCH (n:Figure)
  WHERE $series IS NULL
    AND ($actorId IS NULL OR EXISTS { (:Node {id: $actorId})-[:STATED]->(n) })
  RETURN n, 'FIGURE' AS kind, 4 AS kindRank, n.asOf AS value,
    n.asOfStart AS start, n.asOfEnd AS end, null AS person, null AS organization
}
WITH n, kind, kindRank, value, start, end, person, organization
WHERE ($from IS NULL AND $to IS NULL)
  OR (start IS NOT NULL AND ($from IS NULL OR end >= $from) AND ($to IS NULL OR start <= $to))
WITH n, kind, kindRank, start, person, organization,
  CASE size(value) WHEN 10 THEN 0 WHEN 7 THEN 1 WHEN 4 THEN 2 ELSE 3 END AS precision
ORDER BY start IS NULL, start, precision, n.id, kindRank
LIMIT $limit
RETURN kind, person, organization, {{node}} AS node
