"""The build itself: the named steps, the batch, the self-check of the output, the manifest and the atomic write."""
