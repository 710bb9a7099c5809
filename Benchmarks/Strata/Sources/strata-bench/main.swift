import StrataLanguage
print("stub")
