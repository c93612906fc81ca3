import Lumpini
print(LumpiniVersion.current)
