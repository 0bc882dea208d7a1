// Curation, step 1 of every write, inside its transaction: take the curation
// lock (setting a dummy property takes a write lock on the one :Curation node,
// held until the transaction ends; write.audit removes the property again), so
// writes are serialised across API replicas and each reads what the previous
// one committed; then read what the write refers to, in one row: the records
// with the IDs $ids, the records those refer to, and their ancestors by PART_OF
// (for the cycle check); the tombstones of merged IDs among $ids or pointing at
// them; the records that refer to each ID of $referred (by a relationship they
// own, or by the source or speaker of their evidence); and the meetings that
// hold the numbers $slots.
CYPHER 5
MERGE (lock:Curation {id: 'curation'})
SET lock.locked = true
WITH lock
CALL () {
  UNWIND $ids AS id
  MATCH (x:Node {id: id})
  CALL (x) {
    RETURN x AS n
    UNION
    MATCH (x)-[:PART_OF*1..]->(n:Node)
    RETURN n
    UNION
    MATCH (x)-[:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(n:Node)
    RETURN n
    UNION
    MATCH (x)<-[:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(n:Node)
    RETURN n
    UNION
    MATCH (x)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(n:Source)
    RETURN n
    UNION
    MATCH (x)-[:SUPPORTED_BY]->(e:Evidence)
    MATCH (n:Node {id: e.speaker})
    RETURN n
  }
  WITH DISTINCT n
  RETURN collect({{node}}) AS nodes
}
CALL () {
  MATCH (t:Tombstone)
  WHERE t.survivor IS NOT NULL AND (t.id IN $ids OR t.survivor IN $ids)
  RETURN collect({id: t.id, survivor: t.survivor}) AS tombstones
}
CALL () {
  UNWIND $referred AS id
  MATCH (x:Node {id: id})
  CALL (x) {
    MATCH (n:Node)-[:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(x)
    RETURN n
    UNION
    MATCH (x)-[:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]->(n:Node)
    RETURN n
    UNION
    MATCH (n:Node)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(x)
    RETURN n
    UNION
    MATCH (n:Node)-[:SUPPORTED_BY]->(e:Evidence)
    WHERE e.speaker = x.id
    RETURN n
  }
  WITH id, n
  ORDER BY n.id
  WITH id, collect({{node}}) AS records
  RETURN collect({id: id, records: records}) AS referrers
}
CALL () {
  UNWIND $slots AS slot
  MATCH (m:Meeting {series: slot.series, sequence: slot.sequence})
  RETURN collect({series: slot.series, sequence: slot.sequence, id: m.id}) AS numbered
}
RETURN nodes, tombstones, referrers, numbered
