create table patient (id uuid primary key);
