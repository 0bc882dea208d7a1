CYPHER 5 CREATE TEXT INDEX meeting_search_text IF NOT EXISTS FOR (n:Meeting) ON (n.searchText)
