"""Tests of the service: scheduling, leader election, crawl children, stop and restart."""
