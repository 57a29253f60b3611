"""Scale-out tests: real Scrapyd nodes, Scrapyd crawls with failover, several workers."""
