// CommitmentStats: the commitments the filter matches ({{match}}, the filter of
// the commitments connection), grouped by $group (one of domain.CommitmentGroups)
// as the memory store groups them: per group key its label, the number of
// commitments, and the amounts of those that have one. Only the branches of
// $group run; UNION keeps each of a commitment's groups once, and a commitment
// without a group counts under the key ''.
CYPHER 5
{{match}}
WITH n, COLLECT {
  MATCH (n)-[:CONCERNS]->(k:Pillar) WHERE $group = 'PILLAR' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Project)-[:IN_PILLAR]->(k:Pillar) WHERE $group = 'PILLAR' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(k:Programme) WHERE $group = 'PROGRAMME' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Pillar)-[:PILLAR_OF]->(k:Programme) WHERE $group = 'PROGRAMME' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Project)-[:IN_PROGRAMME]->(k:Programme) WHERE $group = 'PROGRAMME' RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:CONCERNS]->(:Project)-[:IN_PILLAR]->(:Pillar)-[:PILLAR_OF]->(k:Programme) WHERE $group = 'PROGRAMME'
  RETURN [k.id, k.name] AS pair
  UNION
  MATCH (n)-[:MADE_AT]->(k:Meeting) WHERE $group = 'MEETING' RETURN [k.id, k.title] AS pair
  UNION
  MATCH (n)-[:MADE_AT]->(k:Meeting) WHERE $group = 'SERIES' RETURN [k.series, k.series] AS pair
  UNION
  MATCH (k:Node)-[:MADE]->(n) WHERE $group = 'ACTOR' RETURN [k.id, k.name] AS pair
  UNION
  WITH n WHERE $group = 'KIND' RETURN [n.kind, n.kind] AS pair
  UNION
  WITH n WHERE $group = 'STATUS' RETURN [n.status, n.status] AS pair
  UNION
  WITH n WHERE $group = 'YEAR' RETURN [left(n.date, 4), left(n.date, 4)] AS pair
} AS pairs
WITH n, [p IN pairs WHERE p[0] IS NOT NULL AND p[0] <> ''] AS pairs
UNWIND CASE WHEN size(pairs) = 0 THEN [['', '']] ELSE pairs END AS pair
WITH pair[0] AS key, coalesce(pair[1], '') AS label, n
WITH key, label, count(n) AS commitments,
  collect(CASE WHEN n.amountValue IS NOT NULL
    THEN [n.amountCurrency, n.amountValue, n.amountMaxValue, n.amountApproximate] END) AS amounts
RETURN key, label, commitments, amounts
