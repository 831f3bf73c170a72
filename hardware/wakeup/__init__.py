"""The wake-up dialler: line processes and the loop that works the book."""
