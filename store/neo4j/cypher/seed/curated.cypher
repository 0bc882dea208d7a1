// Seed, step 1: which of the dataset's records were curated in the database
// (origin CURATED); the seed leaves them, their evidence and relationships alone.
CYPHER 5
UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE n.origin = 'CURATED'
RETURN collect(n.id) AS curated
