($afterId IS NULL OR ($afterKey IS NULL AND key IS NULL AND n.id > $afterId) OR ($afterKey IS NOT NULL AND (key IS NULL OR key {{cmp}} $afterKey OR (key = $afterKey AND n.id > $afterId))))
