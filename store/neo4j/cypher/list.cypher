// A connection page: the filter ({{match}}) runs twice, once to count every match
// and those after the cursor, once for the page itself in keyset order. Sort key
// and direction come from the adapter's whitelist; nulls sort last both ways and
// ties are broken by ID ascending, exactly like domain.Cursor.
CYPHER 5
CALL () {
  {{match}}
  WITH n, {{key}} AS key
  RETURN count(n) AS total, count(CASE WHEN {{after}} THEN 1 END) AS remaining
}
CALL () {
  {{match}}
  WITH n, {{key}} AS key
  WHERE {{after}}
  WITH n, key
  ORDER BY key IS NULL, key {{dir}}, n.id
  LIMIT $limit
  RETURN collect([key, {{node}}]) AS rows
}
RETURN total, remaining, rows
