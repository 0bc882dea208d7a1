CYPHER 5 CREATE INDEX meeting_date_end IF NOT EXISTS FOR (n:Meeting) ON (n.dateEnd)
