"""Looking inside a trained model: decision boundaries (more to come: activations, weights)."""
