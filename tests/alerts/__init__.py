"""Tests of monitor.alerts."""
