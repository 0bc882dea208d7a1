// Seed, step 1: which of the dataset's records were curated in the database
// (origin CURATED) or deleted or merged away by curators (a :Tombstone); the
// seed leaves them, their evidence and relationships alone.
CYPHER 5
UNWIND $ids AS id
OPTIONAL MATCH (n:Node {id: id})
OPTIONAL MATCH (t:Tombstone {id: id})
WITH id, n, t
WHERE n.origin = 'CURATED' OR t IS NOT NULL
RETURN collect(id) AS curated
