CYPHER 5 CREATE INDEX meeting_date_start IF NOT EXISTS FOR (n:Meeting) ON (n.dateStart)
