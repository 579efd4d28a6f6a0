from careercheck.plugin.plugin import CareerCheckPlugin

__all__ = ["CareerCheckPlugin"]
