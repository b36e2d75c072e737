"""aftersales: writes and checks the 售后服务方案 of a Chinese tender bid."""

__version__ = "0.1.0"
