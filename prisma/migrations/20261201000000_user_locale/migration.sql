-- The UI language a user chose (issue 13); null = sign-in page choice or browser language.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
