-- The welcome text of the home page as the administrator wrote it; without a row, the site's own sentence shows.
create table portal_home_welcome (
    id       integer        primary key,
    welcome  varchar(1000)  not null,
    constraint portal_home_welcome_one check (id = 1)
);
