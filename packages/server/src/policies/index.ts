// Every resource's rules, registered explicitly: a resource without a file here has no abilities.
import './account';
import './organisation';
import './proposal';
import './audit';
import './attachment';
import './notification';
import './settings';
import './home-card';
