"""The optimization loop: prompt -> generate -> extract -> judge -> feedback -> keep the best."""
