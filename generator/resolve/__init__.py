"""resolve: merge the commitment layers (product < bidder < tender), judge them against the tender, and
work out what the outlets can back and what the scoring items earn."""
