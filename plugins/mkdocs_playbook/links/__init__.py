"""Link validation over the whole site, external links and the reports CI reads."""
